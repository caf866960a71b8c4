from annolint.cli import main

main()
