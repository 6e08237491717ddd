"""The committee's desk: the packages of its cells, kept and consolidated."""
