import TocsinApp
await TocsinCommand.main()
