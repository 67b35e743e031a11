"""The optional LLM layer: the one OpenAI client, prompt files, accounting and Q&A helper.

Only modules in this package import ``openai``.
"""
