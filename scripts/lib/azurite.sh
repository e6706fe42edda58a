# Azurite for tests: started by scripts/test.sh; tests read AZURITE_CONNECTION_STRING.
# (Filled in by the Azure Storage work; until then tests that need Azurite are not run.)
start_azurite() { return 0; }
stop_azurite() { return 0; }
