package database

// CheckDrops exposes checkDrops to the external tests.
var CheckDrops = checkDrops
