// Package render turns a scored site into pages: it builds each page's
// view (formatted numbers, statuses, charts and their tables), runs the
// site's html/template files over it and hands every file to an Output. It
// touches no disk; write does.
//
// Every link is relative and names its file ("../bergen/index.html"), so
// the site works from a file share and from any folder of a web server.
package render
