"""The offline rule engine: spaCy parse plus rules, from quotations to positions."""
