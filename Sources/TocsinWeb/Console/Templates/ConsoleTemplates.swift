/// Every console template by name (pages and partials), compiled once by `ConsoleRenderer`.
enum ConsoleTemplates {
    static let all: [String: String] = [
        "head": LayoutTemplates.head, "foot": LayoutTemplates.foot, "error": LayoutTemplates.error,
        "login": LayoutTemplates.login, "password": LayoutTemplates.password,
        "badge": DashboardTemplates.levelBadge, "bars": DashboardTemplates.bars, "linktable": DashboardTemplates.linkTable,
        "warningtable": DashboardTemplates.warningTable, "dashboard": DashboardTemplates.dashboard, "links": DashboardTemplates.links,
        "preview": DraftTemplates.preview, "draft": DraftTemplates.draft,
        "warnings": WarningTemplates.list, "summary": WarningTemplates.summary, "warning": WarningTemplates.detail,
        "review": WarningTemplates.review, "reviewdetail": WarningTemplates.reviewDetail,
        "tabs": AddressBookTemplates.tabs, "contacts": AddressBookTemplates.contacts, "addressbook": AddressBookTemplates.section,
        "import": AddressBookTemplates.importPage,
        "users": AdminTemplates.users, "audit": AdminTemplates.audit,
    ]
}
