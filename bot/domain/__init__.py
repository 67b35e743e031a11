"""The domain: models, the party book (gazetteer), topics, i18n, engine protocols, errors."""
