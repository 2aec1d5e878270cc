"""What every part uses: problems reported with file and line, YAML and JSON Schema reading, the one
place HTML is marked safe, templates and the places they leave for the build to fill.
"""
