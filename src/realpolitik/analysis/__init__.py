"""Analysis over coded events and commitments: alliance-treaty baseline and what-if tools."""
