"""The Reflect window: walking a concern through the SCR-based questions."""
