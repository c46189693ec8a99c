#include "teamdirectory.h"
