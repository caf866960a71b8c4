from annolint.cli import run

run()
