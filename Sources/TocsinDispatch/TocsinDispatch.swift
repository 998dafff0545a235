// TocsinDispatch: from an approved warning to delivered (issue #7). Implements `WarningDispatcher`
// and reports back through `DispatchObserver` (TocsinCore/Dispatch/DispatchPort.swift).
