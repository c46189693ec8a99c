#include "seasoncalendar.h"
