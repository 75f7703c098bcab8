"""Getting in and managing who can: unlock, setup, recovery, passphrases and people."""
