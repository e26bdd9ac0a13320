package emulator

// Strays returns the parameters handlers read that their operation does not declare,
// as "Action Parameter"; the contract replays want none.
func Strays(s *Server) []string { return s.strays.list() }
