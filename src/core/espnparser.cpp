#include "espnparser.h"
