"""Readers that turn files and streams into ``Article`` records."""
