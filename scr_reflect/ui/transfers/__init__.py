"""A child's child protection file to and from another school: sending, receiving, receipts."""
