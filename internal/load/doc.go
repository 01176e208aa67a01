// Package load reads a site folder into a model.Site: site.toml, the TOML
// organisation and goals, every results CSV under data/results and the
// markdown under content. It reports syntax errors and names that do not
// resolve, with file and line; rules across files are validate's.
//
// Results are resolved to unit and goal indexes as they are read, since a
// large site has millions of rows and they should not be held as strings.
package load
