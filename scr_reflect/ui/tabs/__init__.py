"""The child's tabs: one per kind of structured record, with their models and panels."""
