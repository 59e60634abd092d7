"""Questions across tables and editions: profiles, series, revisions, growth."""
