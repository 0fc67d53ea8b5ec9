// The HTTP server module; see issue 5.
