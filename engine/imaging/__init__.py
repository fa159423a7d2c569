"""engine/imaging."""
