"""Entry point for ``python -m bot``: runs the command-line interface."""

from bot.cli import main

if __name__ == "__main__":
    main()
