"""The small demo caseload as data: fictional children whose records follow themes of
Serious Case Review learning. Written in our own words; no real child or case."""

from . import primary_a, primary_b, primary_c, secondary_a, secondary_b, secondary_c
from .spec import ChildSpec

STORIES: tuple[ChildSpec, ...] = (
    primary_a.STORIES
    + primary_b.STORIES
    + primary_c.STORIES
    + secondary_a.STORIES
    + secondary_b.STORIES
    + secondary_c.STORIES
)
