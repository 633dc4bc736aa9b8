"""Hearth: two partners building emotional intimacy, one small conversation at a time."""
