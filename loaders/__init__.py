"""Loaders: read → extract → resolve, from files to the extraction contract, pure and offline."""
