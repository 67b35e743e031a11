"""Analysis: party gazetteer, quote attribution, the two engines and briefing composition."""
