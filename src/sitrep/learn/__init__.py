"""The learned part of sitrep: the training corpus, its features, and the event classifier."""
