"""Plain records and rules of the product. Standard library only."""
