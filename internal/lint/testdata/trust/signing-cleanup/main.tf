# Signing certificates cleaned up: every one in state is deleted.
# - alice's was Inactive and bob's had expired: they signed nothing, and
#   deleting them is what IG808 asks for. No IG501.
# - carol leaves: her user goes with her certificate. No IG501.
# - dave's was Active and current, and dave stays: IG501.
