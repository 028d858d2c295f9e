/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "filmUniformity.H"

#include "addToRunTimeSelectionTable.H"
#include "OFstream.H"
#include "volFields.H"

#include "boundary/openfoam/filmDeposition/filmDepositionFvPatchScalarField.H"
#include "boundary/openfoam/functionObjects/patchFieldLookup.H"

// * * * * * * * * * * * * * * Static Data Members * * * * * * * * * * * * * //

namespace Foam
{
namespace functionObjects
{
    defineTypeNameAndDebug(filmUniformity, 0);
    addToRunTimeSelectionTable(functionObject, filmUniformity, dictionary);
}
}

namespace
{
// Thickness per metre of the patch's filmThickness entry, which is kept in nm.
constexpr Foam::scalar metresPerNanometre = 1e-9;
}


// * * * * * * * * * * * * * Private Member Functions  * * * * * * * * * * * //

Foam::boolList Foam::functionObjects::filmUniformity::inQualityArea
(
    const vectorField& centres
) const
{
    boolList in(centres.size(), true);
    forAll(centres, facei)
    {
        const point& c = centres[facei];
        if (areaType_ == "box")
        {
            in[facei] =
                c.x() >= boxMin_.x() && c.x() <= boxMax_.x()
             && c.y() >= boxMin_.y() && c.y() <= boxMax_.y()
             && c.z() >= boxMin_.z() && c.z() <= boxMax_.z();
        }
        else if (areaType_ == "disc")
        {
            // Distance from the disc's axis (the component along the normal
            // is left out: the patch may sit anywhere along it).
            vector d = c - discCentre_;
            d -= (d & discNormal_)*discNormal_;
            in[facei] = mag(d) <= discRadius_;
        }
    }
    return in;
}


const Foam::filmDepositionFvPatchScalarField&
Foam::functionObjects::filmUniformity::filmPatch() const
{
    return lookupMagtwinPatchField<volScalarField, filmDepositionFvPatchScalarField>
    (
        mesh_, name(), fieldName_, patchName_
    );
}


void Foam::functionObjects::filmUniformity::writeFileHeader(Ostream& os)
{
    writeHeader(os, "Film on patch " + patchName_ + " (SI), uniformity over the quality area");
    writeCommented(os, "Time");
    for
    (
        const char* col :
        {
            "faces", "area_m2", "mean_thickness_m", "min_thickness_m",
            "max_thickness_m", "uniformity_range_pct", "uniformity_sigma_pct",
            "mean_rate_m_s"
        }
    )
    {
        writeTabbed(os, col);
    }
    os << endl;
}


// * * * * * * * * * * * * * * * * Constructors  * * * * * * * * * * * * * * //

Foam::functionObjects::filmUniformity::filmUniformity
(
    const word& name,
    const Time& runTime,
    const dictionary& dict
)
:
    fvMeshFunctionObject(name, runTime, dict),
    writeFile(obr_, name, typeName, dict),
    fieldName_("c"),
    patchName_(),
    areaType_("all"),
    boxMin_(Zero),
    boxMax_(Zero),
    discCentre_(Zero),
    discNormal_(0, 0, 1),
    discRadius_(0)
{
    read(dict);
    writeFileHeader(file());
}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

bool Foam::functionObjects::filmUniformity::read(const dictionary& dict)
{
    fvMeshFunctionObject::read(dict);
    writeFile::read(dict);
    fieldName_ = dict.lookupOrDefault<word>("field", "c");
    patchName_ = dict.get<word>("patch");
    areaType_ = "all";
    if (dict.found("qualityArea"))
    {
        const dictionary& qa = dict.subDict("qualityArea");
        areaType_ = qa.get<word>("type");
        if (areaType_ == "box")
        {
            boxMin_ = qa.get<vector>("min");
            boxMax_ = qa.get<vector>("max");
            if (boxMin_.x() > boxMax_.x() || boxMin_.y() > boxMax_.y() || boxMin_.z() > boxMax_.z())
            {
                FatalIOErrorInFunction(qa)
                    << "qualityArea box: min " << boxMin_ << " exceeds max "
                    << boxMax_ << " in a component" << exit(FatalIOError);
            }
        }
        else if (areaType_ == "disc")
        {
            discCentre_ = qa.get<point>("centre");
            discNormal_ = qa.get<vector>("normal");
            discRadius_ = qa.get<scalar>("radius");
            if (mag(discNormal_) < VSMALL || discRadius_ <= 0)
            {
                FatalIOErrorInFunction(qa)
                    << "qualityArea disc: normal must be non-zero and radius > 0 (got normal "
                    << discNormal_ << ", radius " << discRadius_ << ")" << exit(FatalIOError);
            }
            discNormal_ /= mag(discNormal_);
        }
        else
        {
            FatalIOErrorInFunction(qa)
                << "qualityArea type " << areaType_ << " is not one of (box disc)"
                << exit(FatalIOError);
        }
    }
    return true;
}


bool Foam::functionObjects::filmUniformity::execute()
{
    const filmDepositionFvPatchScalarField& film = filmPatch();
    const fvPatch& p = film.patch();
    const scalarField h(film.filmThickness()*metresPerNanometre);
    const scalarField rate(film.depositionRate());
    const scalarField& area = p.magSf();
    const boolList in(inQualityArea(p.Cf()));

    label faces = 0;
    scalar a = 0, ha = 0, h2a = 0, ra = 0;
    scalar hMin = GREAT, hMax = -GREAT;
    forAll(h, facei)
    {
        if (!in[facei]) continue;
        ++faces;
        a += area[facei];
        ha += h[facei]*area[facei];
        h2a += sqr(h[facei])*area[facei];
        ra += rate[facei]*area[facei];
        hMin = min(hMin, h[facei]);
        hMax = max(hMax, h[facei]);
    }
    reduce(faces, sumOp<label>());
    reduce(a, sumOp<scalar>());
    reduce(ha, sumOp<scalar>());
    reduce(h2a, sumOp<scalar>());
    reduce(ra, sumOp<scalar>());
    reduce(hMin, minOp<scalar>());
    reduce(hMax, maxOp<scalar>());
    if (faces == 0)
    {
        FatalErrorInFunction
            << "function object " << name() << ": no face of patch " << patchName_
            << " lies in the quality area" << exit(FatalError);
    }
    const scalar mean = ha/a;
    const scalar sigma = Foam::sqrt(max(h2a/a - sqr(mean), scalar(0)));
    const scalar uRange = (hMax + hMin) > 0 ? 100*(hMax - hMin)/(hMax + hMin) : 0;
    const scalar uSigma = mean > 0 ? 100*sigma/mean : 0;

    Log << type() << " " << name() << ": mean " << mean << " m, U "
        << uRange << " %, sigma/mean " << uSigma << " %" << endl;
    if (Pstream::master() && writeToFile())
    {
        OFstream& os = file();
        writeCurrentTime(os);
        os  << tab << faces << tab << a << tab << mean << tab << hMin << tab << hMax
            << tab << uRange << tab << uSigma << tab << ra/a << endl;
    }
    return true;
}


bool Foam::functionObjects::filmUniformity::write()
{
    // The per-face table at the case's own write times only (the function object's
    // write() runs at its writeControl, every step by default).
    if (!time_.writeTime())
    {
        return true;
    }
    const filmDepositionFvPatchScalarField& film = filmPatch();
    const fvPatch& p = film.patch();
    const boolList in(inQualityArea(p.Cf()));

    // One row per face, gathered to the master in processor order.
    List<vectorField> centres(Pstream::nProcs());
    List<scalarField> areas(Pstream::nProcs()), thick(Pstream::nProcs()),
        rates(Pstream::nProcs());
    List<boolList> inside(Pstream::nProcs());
    const label me = Pstream::myProcNo();
    centres[me] = p.Cf();
    areas[me] = p.magSf();
    thick[me] = film.filmThickness()*metresPerNanometre;
    rates[me] = film.depositionRate();
    inside[me] = in;
    Pstream::gatherList(centres);
    Pstream::gatherList(areas);
    Pstream::gatherList(thick);
    Pstream::gatherList(rates);
    Pstream::gatherList(inside);
    if (!Pstream::master() || !writeToFile())
    {
        return true;
    }
    const fileName dir(baseFileDir()/name()/time_.timeName());
    mkDir(dir);
    OFstream os(dir/"film.csv");
    os.precision(10);
    os  << "x_m,y_m,z_m,area_m2,thickness_m,rate_m_s,in_quality_area" << nl;
    forAll(centres, proci)
    {
        forAll(centres[proci], facei)
        {
            const point& c = centres[proci][facei];
            os  << c.x() << ',' << c.y() << ',' << c.z() << ','
                << areas[proci][facei] << ',' << thick[proci][facei] << ','
                << rates[proci][facei] << ',' << (inside[proci][facei] ? 1 : 0) << nl;
        }
    }
    return true;
}
