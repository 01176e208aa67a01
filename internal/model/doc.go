// Package model holds a site's input as data: the organisation, the goals,
// the monthly results and the leaders' commentary. It does no I/O; load fills
// it, validate checks it and score computes from it.
package model
