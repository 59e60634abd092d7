"""Records, `Indicator`, ranks and units: the model. Imports nothing of aiindex but `exceptions`."""
