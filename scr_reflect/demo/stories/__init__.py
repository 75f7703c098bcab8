"""The small demo caseload as data: fictional children whose records follow themes of
Serious Case Review learning. Written in our own words; no real child or case."""

from . import (
    former_pupils,
    primary_a,
    primary_b,
    primary_c,
    primary_d,
    primary_e,
    secondary_a,
    secondary_b,
    secondary_c,
    secondary_d,
)
from .spec import ChildSpec

# In this order the children keep the ids they had before the stories were split up.
STORIES: tuple[ChildSpec, ...] = (
    primary_a.STORIES
    + primary_d.STORIES
    + primary_e.STORIES
    + primary_b.STORIES
    + primary_c.STORIES
    + secondary_a.STORIES
    + secondary_d.STORIES
    + secondary_b.STORIES
    + secondary_c.STORIES
    + former_pupils.STORIES
)
