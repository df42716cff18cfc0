"""NLP: the spaCy pipeline with graphbuild's components, and the extraction of mentions and sentences."""
