// TocsinStorage
