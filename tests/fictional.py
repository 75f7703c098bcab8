"""Fictional data shared by the tests. No real child or family appears anywhere."""

# Passes the strength policy (length and zxcvbn score).
PASSPHRASE = "correct horse battery staple violet"
