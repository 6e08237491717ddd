"""What every service gives back (Result, Changes, Progress) and the context it runs in."""
