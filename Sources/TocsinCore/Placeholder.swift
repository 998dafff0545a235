// TocsinCore
