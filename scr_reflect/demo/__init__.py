"""Fictional demo records: the small caseload of stories and the large one for benchmarks."""
