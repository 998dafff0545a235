import TocsinCore

/// The component schemas of the OpenAPI document: the request bodies in full, the answers with
/// their main fields. Names match the `APIOperation` references.
enum OpenAPISchemas {
    static func object(_ properties: [String: Any], required: [String] = [], description: String? = nil) -> [String: Any] {
        var o: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { o["required"] = required }
        if let description { o["description"] = description }
        return o
    }
    static var string: [String: Any] { ["type": "string"] }
    static var integer: [String: Any] { ["type": "integer"] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var dateTime: [String: Any] { ["type": "string", "format": "date-time"] }
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func enumeration(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }
    static var strings: [String: Any] { array(string) }

    static var all: [String: Any] {
        let level = enumeration(WarningLevel.allCases.map(\.rawValue))
        let state = enumeration(WarningState.allCases.map(\.rawValue))
        let targeting = object(["useHazardSubscriptions": boolean, "groupIDs": array(integer), "regionCodes": strings,
                                "contactIDs": array(integer), "excludedContactIDs": array(integer)])
        let warning = object([
            "id": ["type": "string", "description": "GB/T 35965.1 ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N"], "hazardCode": string, "level": level,
            "category": string, "regionCodes": strings, "headline": string, "body": string, "smsText": string, "signature": string,
            "issuer": string, "sender": string, "effective": dateTime, "expires": dateTime, "targeting": targeting,
            "mode": enumeration(WarningMode.allCases.map(\.rawValue)), "msgType": enumeration(MessageType.allCases.map(\.rawValue)),
            "references": array(object(["sender": string, "identifier": string, "sent": dateTime])), "author": string,
            "reviewers": strings, "state": state, "issuedAt": dateTime, "replacedBy": string,
        ])
        return [
            "Error": object(["error": object(["code": string, "message": string], required: ["code", "message"])], required: ["error"]),
            "Health": object(["status": string, "database": string, "dispatch": string, "version": string]),
            "Login": object(["name": string, "password": string], required: ["name", "password"]),
            "PasswordChange": object(["name": string, "current": string, "new": string], required: ["name", "current", "new"]),
            "Me": object(["name": string, "kind": enumeration(["user", "token"]), "roles": strings, "permissions": strings]),
            "NewUser": object(["name": string, "roles": strings, "password": string], required: ["name", "roles"]),
            "User": object(["id": integer, "name": string, "roles": strings, "disabled": boolean, "mustChangePassword": boolean,
                            "passwordChangedAt": dateTime, "lockedUntil": dateTime, "createdAt": dateTime]),
            "UserList": array(ref("User")),
            "CreatedUser": object(["user": ref("User"), "generatedPassword": string]),
            "Roles": object(["roles": enumerationArray(Role.allCases.map(\.rawValue))], required: ["roles"]),
            "NewToken": object(["name": string, "roles": enumerationArray(Role.allCases.map(\.rawValue)), "expiresAt": dateTime], required: ["name", "roles"]),
            "Token": object(["id": integer, "name": string, "roles": strings, "createdBy": string, "createdAt": dateTime, "expiresAt": dateTime, "revokedAt": dateTime]),
            "TokenList": array(ref("Token")),
            "CreatedToken": object(["token": ref("Token"), "secret": string]),
            "Object": ["type": "object"],
            "ObjectList": array(["type": "object"]),
            "Template": object(["hazardCode": string, "level": level, "headline": string, "smsText": string, "body": string]),
            "PreviewRequest": object(["text": string, "signature": string], required: ["text"]),
            "Preview": object(["text": string, "encoding": enumeration(["ascii", "ucs2"]), "length": integer, "segments": integer,
                               "perCarrier": ["type": "object", "additionalProperties": object(["protocolName": string, "segments": integer])]]),
            "LintList": array(object(["code": string, "severity": enumeration(["error", "warning", "info"]), "field": string,
                                      "messageZH": string, "messageEN": string])),
            "DraftInput": object(["hazardCode": string, "level": level, "regionCodes": strings, "effective": dateTime, "expires": dateTime,
                                  "headline": string, "smsText": string, "body": string,
                                  "variables": ["type": "object", "additionalProperties": string], "signature": string, "issuer": string,
                                  "targeting": targeting, "mode": enumeration(WarningMode.allCases.map(\.rawValue))],
                                 required: ["hazardCode", "level", "regionCodes", "effective", "expires"],
                                 description: "Texts left out are rendered from the template of the hazard × level"),
            "EditRequest": object(["version": integer, "draft": ref("DraftInput")], required: ["draft"]),
            "ActionRequest": object(["version": integer, "comment": string], description: "version: the one you read (refused when stale); comment: required to reject"),
            "Warning": object(["version": integer, "createdAt": dateTime, "updatedAt": dateTime, "stateZH": string,
                               "isDrillOrTest": boolean, "warning": warning]),
            "WarningPage": object(["items": array(ref("Warning")), "limit": integer, "offset": integer]),
            "Outcome": object(["warning": ref("Warning"),
                               "dispatch": object(["status": enumeration(["not_needed", "started", "stopped", "not_configured", "failed"]), "message": string])]),
            "Reach": object(["recipients": integer, "recipientsByCarrier": ["type": "object", "additionalProperties": integer], "excluded": integer,
                             "excludedByReason": ["type": "object", "additionalProperties": integer], "etaSeconds": ["type": "number"], "sendTime": dateTime]),
            "LedgerPage": object(["items": array(["type": "object"]), "next": integer]),
        ]
    }

    static func enumerationArray(_ values: [String]) -> [String: Any] { array(enumeration(values)) }
}
