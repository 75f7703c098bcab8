"""The forms a record is made or amended in, their drafts and their history."""
