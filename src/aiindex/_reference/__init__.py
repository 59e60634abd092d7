"""The hand-written facts about the world: entities and their names, the editions."""
