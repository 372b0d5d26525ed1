"""Understanding: pure functions that fill in what a draft does not state."""
