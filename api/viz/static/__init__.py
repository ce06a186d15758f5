"""Our JS and CSS of the network page, inlined into it (a package, so it ships as data)."""
