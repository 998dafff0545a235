/// A character diff (longest common subsequence) of two texts as HTML: removed text in `<del>`,
/// added text in `<ins>`, each escaped. Warning texts are short (an SMS, a body of a few hundred
/// characters); longer inputs are compared line by line to bound the work.
enum TextDiff {
    enum Piece: Equatable {
        case same(String), removed(String), added(String)
    }

    static func pieces(_ old: String, _ new: String) -> [Piece] {
        let a: [String], b: [String]
        if old.count * new.count > 4_000_000 {
            a = old.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\n" }
            b = new.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\n" }
        } else {
            a = old.map(String.init)
            b = new.map(String.init)
        }
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var out: [Piece] = []
        func push(_ p: Piece) {
            switch (out.last, p) {
            case (.same(let x)?, .same(let y)): out[out.count - 1] = .same(x + y)
            case (.removed(let x)?, .removed(let y)): out[out.count - 1] = .removed(x + y)
            case (.added(let x)?, .added(let y)): out[out.count - 1] = .added(x + y)
            default: out.append(p)
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] { push(.same(a[i])); i += 1; j += 1 }
            else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] { push(.added(b[j])); j += 1 }
            else { push(.removed(a[i])); i += 1 }
        }
        return out
    }

    /// The diff as HTML with `<del>` and `<ins>` (screen readers announce both).
    static func html(_ old: String, _ new: String) -> String {
        pieces(old, new).map { p in
            switch p {
            case .same(let s): HTML.escape(s)
            case .removed(let s): "<del>\(HTML.escape(s))</del>"
            case .added(let s): "<ins>\(HTML.escape(s))</ins>"
            }
        }.joined()
    }
}
