from annolint.cli import program

program()
