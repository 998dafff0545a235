import Foundation
import Hummingbird

/// A submitted console form: `application/x-www-form-urlencoded` or `multipart/form-data` (the
/// import upload). Fields may repeat (checkbox lists). Values are never logged.
struct ConsoleForm: Sendable {
    /// One uploaded file.
    struct File: Sendable {
        var name: String
        var data: Data
    }

    private(set) var fields: [(String, String)] = []
    private(set) var files: [String: File] = [:]

    init(request: Request, body: ByteBuffer) {
        let bytes = Array(body.readableBytesView)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data"), let boundary = Self.boundary(in: type) {
            parseMultipart(bytes, boundary: boundary)
        } else {
            fields = Self.parseURLEncoded(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Reads the body of `request` and parses it.
    static func read(_ request: Request, context: TocsinRequestContext) async throws -> ConsoleForm {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return ConsoleForm(request: request, body: body)
    }

    /// The first value of `name`, nil when absent.
    func value(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }

    /// The first value trimmed, nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let v = value(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    /// Every value of `name` (checkbox lists).
    func values(_ name: String) -> [String] { fields.filter { $0.0 == name }.map(\.1) }

    func file(_ name: String) -> File? { files[name] }

    func flag(_ name: String) -> Bool { value(name) == "1" || value(name) == "on" }

    static func parseURLEncoded(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let plus = s.replacingOccurrences(of: "+", with: " ")
                return plus.removingPercentEncoding ?? plus
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    static func boundary(in contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let p = part.trimmingCharacters(in: .whitespaces)
            if p.lowercased().hasPrefix("boundary=") {
                return String(p.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    private mutating func parseMultipart(_ bytes: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int?
        var i = 0
        while i + delimiter.count <= bytes.count {
            if bytes[i] == delimiter[0], Array(bytes[i..<(i + delimiter.count)]) == delimiter {
                if let s = start { parts.append(bytes[s..<max(s, i - 2)]) }   // drop the CRLF before the delimiter
                i += delimiter.count
                start = i + 2                                                 // skip the CRLF after it
                continue
            }
            i += 1
        }
        for part in parts {
            guard let split = Self.headerEnd(part) else { continue }
            let head = String(decoding: part[part.startIndex..<split], as: UTF8.self)
            let content = part[(split + 4)...]
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition") }),
                  let name = Self.parameter("name", in: String(disposition)) else { continue }
            if let fileName = Self.parameter("filename", in: String(disposition)) {
                files[name] = File(name: fileName, data: Data(content))
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
    }

    private static func headerEnd(_ part: ArraySlice<UInt8>) -> Int? {
        var i = part.startIndex
        while i + 3 < part.endIndex {
            if part[i] == 13, part[i + 1] == 10, part[i + 2] == 13, part[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let p = piece.trimmingCharacters(in: .whitespaces)
            if p.hasPrefix("\(key)=") { return String(p.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }
}
