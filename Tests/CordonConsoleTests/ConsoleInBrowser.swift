import Testing

/// Every browser test, one at a time: each starts a server and a headless Chromium, and the
/// machine running them may have two cores. Skipped, saying why, when Chromium is missing.
@Suite(.serialized, .enabled(if: Browser.available, Comment(rawValue: Browser.missing)), .timeLimit(.minutes(3)))
struct ConsoleInBrowser {}
